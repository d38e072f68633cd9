/**
 * The small argument reader the CLIs share: `--name value` options and `--name` flags are taken
 * out of the list as they are read, so that what remains is the positional arguments.
 */
export const argReader = (argv: readonly string[]) => {
  const args = [...argv];
  return {
    /** Whether `--name` was given (and removes it). */
    flag: (name: string): boolean => {
      const i = args.indexOf(name);
      if (i >= 0) args.splice(i, 1);
      return i >= 0;
    },
    /** The value after `--name`, or undefined (and removes both). */
    option: (name: string): string | undefined => {
      const i = args.indexOf(name);
      if (i < 0) return undefined;
      const v = args[i + 1];
      args.splice(i, 2);
      return v;
    },
    /** What is left once every flag and option was read. */
    rest: (): string[] => args,
  };
};
