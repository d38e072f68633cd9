/**
 * A real HTTP server on 127.0.0.1 that streams chat completions as the real APIs do (chunked
 * `text/event-stream`, OpenAI-compatible or Anthropic events) with configurable delays and
 * faults, for the probe's tests. Never reaches the internet.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'none' }
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Ends the response cleanly after `after` text chunks, without the end-of-stream event. */
  | { kind: 'truncate'; after: number }
  /** Destroys the socket after `after` text chunks. */
  | { kind: 'drop'; after: number }
  /** Sends a data line that is not JSON after `after` text chunks. */
  | { kind: 'malformed'; after: number }
  /** Sends headers and then nothing (the client must time out). */
  | { kind: 'hang' };

export interface Scenario {
  /** Delay before the first text chunk, ms (after the headers). */
  ttftMs: number;
  /** Delay between text chunks, ms. */
  gapMs: number;
  /** Number of text chunks; each is one token. */
  tokens: number;
  /** Report usage in the stream (OpenAI include_usage, Anthropic message_delta). */
  usage?: boolean;
  fault?: Fault;
}

export interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the server; `scenarioFor(i)` picks the behaviour of the i-th request (0-based). */
export const startSseServer = async (scenarioFor: (i: number) => Scenario) => {
  const received: Received[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      body = undefined;
    }
    const i = received.length;
    received.push({ path: req.url ?? '', headers: req.headers, body });
    const style = req.url?.endsWith('/messages') ? 'anthropic' : req.url?.endsWith('/chat/completions') ? 'openai' : undefined;
    if (!style || req.method !== 'POST') {
      res.writeHead(404).end('not found');
      return;
    }
    const s = scenarioFor(i);
    const fault = s.fault ?? { kind: 'none' };
    if (fault.kind === 'status') {
      res.writeHead(fault.status, {
        'content-type': 'application/json',
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
      });
      // Echoes the credential, as some real error bodies do, so tests can check that the probe redacts it.
      res.end(
        JSON.stringify({
          error: { message: `simulated ${fault.status} for ${req.headers.authorization ?? req.headers['x-api-key'] ?? ''}` },
        }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.flushHeaders();
    if (fault.kind === 'hang') return; // the socket is closed by close() or the client's abort
    const send = (event: string | undefined, data: unknown) =>
      res.write(`${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    if (style === 'anthropic') {
      send('message_start', { type: 'message_start', message: { id: 'msg_1', usage: { input_tokens: 10, output_tokens: 1 } } });
      send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    } else {
      send(undefined, { id: 'c1', choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] });
    }
    for (let k = 0; k < s.tokens; k++) {
      await sleep(k === 0 ? s.ttftMs : s.gapMs);
      if (res.destroyed) return;
      if (fault.kind === 'truncate' && k === fault.after) return void res.end();
      if (fault.kind === 'drop' && k === fault.after) return void res.socket?.destroy();
      if (fault.kind === 'malformed' && k === fault.after) {
        res.write('data: {"choices": [ {"delta": \n\n');
        continue;
      }
      if (style === 'anthropic')
        send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ` w${k}` } });
      else send(undefined, { id: 'c1', choices: [{ index: 0, delta: { content: ` w${k}` } }] });
    }
    if (style === 'anthropic') {
      send('content_block_stop', { type: 'content_block_stop', index: 0 });
      send('message_delta', {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn' },
        ...(s.usage ? { usage: { output_tokens: s.tokens } } : {}),
      });
      send('message_stop', { type: 'message_stop' });
    } else {
      send(undefined, { id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
      if (s.usage) send(undefined, { id: 'c1', choices: [], usage: { prompt_tokens: 10, completion_tokens: s.tokens } });
      send(undefined, '[DONE]');
    }
    res.end();
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
};
