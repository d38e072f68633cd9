/**
 * Server-sent events, as OpenAI-compatible chat completions and Anthropic's messages API stream
 * them: an incremental parser (chunks may split lines anywhere) and the reading of each event
 * into text deltas, token usage, the end of the stream or an error.
 * See https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */

export interface SseEvent {
  /** The `event:` field; "message" when absent. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
}

/** Incremental SSE parser: push text chunks, get the complete events so far. */
export const createSseParser = () => {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let started = false;
  const push = (chunk: string): SseEvent[] => {
    buffer += chunk;
    const out: SseEvent[] = [];
    let nl: number;
    while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = buffer.slice(0, nl);
      const width = buffer.startsWith('\r\n', nl) ? 2 : 1;
      // A lone "\r" at the end of a chunk may be half of "\r\n": wait for the next chunk.
      if (buffer[nl] === '\r' && width === 1 && nl === buffer.length - 1) break;
      buffer = buffer.slice(nl + width);
      if (line === '') {
        if (started) out.push({ event: event || 'message', data: data.join('\n') });
        [event, data, started] = ['', [], false];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'data') [data, started] = [[...data, value], true];
      else if (field === 'event') event = value;
    }
    return out;
  };
  return { push };
};

/** The API dialect of an endpoint. */
export type ApiStyle = 'openai' | 'anthropic';

/** What one event means for the measurement. */
export type StreamSignal =
  | { kind: 'text'; text: string }
  | { kind: 'usage'; outputTokens: number }
  | { kind: 'done' }
  | { kind: 'error'; message: string }
  | { kind: 'ignore' };

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {});

/**
 * Reads one event into signals. Throws a SyntaxError naming the event when its data is not
 * JSON (malformed SSE); `[DONE]` (OpenAI) and `message_stop` (Anthropic) end the stream.
 */
export const readEvent = (style: ApiStyle, e: SseEvent): StreamSignal[] => {
  if (style === 'openai' && e.data.trim() === '[DONE]') return [{ kind: 'done' }];
  let json: Record<string, unknown>;
  try {
    json = obj(JSON.parse(e.data));
  } catch {
    throw new SyntaxError(`Malformed SSE event: data is not JSON (${JSON.stringify(e.data.slice(0, 60))})`);
  }
  if (json.error || e.event === 'error') {
    const err = obj(json.error);
    return [{ kind: 'error', message: typeof err.message === 'string' ? err.message : 'error event in stream' }];
  }
  const out: StreamSignal[] = [];
  if (style === 'openai') {
    for (const c of Array.isArray(json.choices) ? json.choices : []) {
      const delta = obj(obj(c).delta);
      const text =
        typeof delta.content === 'string'
          ? delta.content
          : typeof delta.reasoning_content === 'string'
            ? delta.reasoning_content
            : '';
      if (text) out.push({ kind: 'text', text });
    }
    const tokens = num(obj(json.usage).completion_tokens);
    if (tokens !== undefined) out.push({ kind: 'usage', outputTokens: tokens });
  } else {
    const type = json.type ?? e.event;
    if (type === 'content_block_delta') {
      const delta = obj(json.delta);
      const text = typeof delta.text === 'string' ? delta.text : typeof delta.thinking === 'string' ? delta.thinking : '';
      if (text) out.push({ kind: 'text', text });
    }
    if (type === 'message_delta') {
      const tokens = num(obj(json.usage).output_tokens);
      if (tokens !== undefined) out.push({ kind: 'usage', outputTokens: tokens });
    }
    if (type === 'message_stop') out.push({ kind: 'done' });
  }
  return out.length ? out : [{ kind: 'ignore' }];
};
