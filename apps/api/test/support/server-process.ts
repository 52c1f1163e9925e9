import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { TEST_JWT_SECRET } from './test-app';

/** These tests run the compiled server (dist/main.js) as a real process, as `npm start` does. */
export const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

export interface Server {
  child: ChildProcessWithoutNullStreams;
  port: number;
  stdout: () => string;
  /** Resolves once a line of the output satisfies `match` (log lines come after the answer, late on a busy machine). */
  outputLine: (match: (line: string) => boolean, timeoutMs?: number) => Promise<void>;
  exited: Promise<number | null>;
}

export async function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'info', ...env },
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /GraphQL\s+http:\/\/localhost:(\d+)\/graphql/.exec(out);
      if (match) {
        clearInterval(timer);
        resolve(Number(match[1]));
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${out}`));
    });
  });
  const outputLine = async (match: (line: string) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!out.split('\n').some(match)) {
      if (Date.now() > deadline) throw new Error(`no such output line after ${timeoutMs} ms:\n${out}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { child, port, stdout: () => out, outputLine, exited };
}

