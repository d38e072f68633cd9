/**
 * Deterministic YAML serialization of records: keys in the order their schema declares them
 * (unknown keys after, sorted), record keys sorted, no line folding, so that the same record
 * always gives the same bytes and a re-import that changes nothing writes nothing.
 */
import { stringify } from 'yaml';
import { KINDS, type Kind } from '../../src/model/schema.ts';

interface ZodLike {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, ZodLike>;
      innerType?: ZodLike;
      element?: ZodLike;
      valueType?: ZodLike;
      in?: ZodLike;
      options?: ZodLike[];
    };
  };
}

/** Returns `value` with object keys re-inserted in `schema`'s declared order, recursively. */
export const orderLike = (schema: ZodLike | undefined, value: unknown): unknown => {
  const def = schema?._zod.def;
  if (def && (def.type === 'optional' || def.type === 'default' || def.type === 'nullable'))
    return orderLike(def.innerType, value);
  if (def?.type === 'pipe') return orderLike(def.in, value);
  if (Array.isArray(value)) return value.map((v) => orderLike(def?.type === 'array' ? def.element : undefined, v));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const shape = def?.type === 'object' ? (def.shape ?? {}) : {};
  const declared = Object.keys(shape).filter((k) => k in obj);
  const rest = Object.keys(obj)
    .filter((k) => !(k in shape))
    .sort();
  const out: Record<string, unknown> = {};
  for (const k of [...declared, ...rest]) {
    if (obj[k] === undefined) continue;
    out[k] = orderLike(shape[k] ?? (def?.type === 'record' ? def.valueType : undefined), obj[k]);
  }
  return out;
};

/** Serializes one record of `kind` as YAML text, keys in schema order. */
export const toYaml = (kind: Kind, record: Record<string, unknown>): string =>
  stringify(orderLike(KINDS[kind].schema as unknown as ZodLike, record), {
    version: '1.2',
    lineWidth: 0,
    minContentWidth: 0,
    indentSeq: true,
    singleQuote: false,
  });
