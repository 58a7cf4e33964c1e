import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny HTTP server on 127.0.0.1 and a random port for provider fakes in tests: routes
 * are matched by method and a path regex; every request is recorded so tests can assert
 * what the official client actually called. Test code only.
 */

export type FakeReply = { status: number; headers?: Record<string, string>; body?: unknown };
export type FakeRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage["headers"];
};
export type FakeRoute = {
  method: string;
  path: RegExp;
  reply: (request: FakeRequest, match: RegExpExecArray) => FakeReply;
};

export type FakeServer = {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: FakeRequest[];
  close: () => Promise<void>;
};

function send(res: import("node:http").ServerResponse, reply: FakeReply) {
  const body = reply.body === undefined ? "" : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(body ? { "content-type": "application/json; charset=utf-8" } : {}),
    ...reply.headers,
  });
  res.end(body);
}

export async function startFakeServer(routes: FakeRoute[]): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
    };
    requests.push(request);
    req.resume();
    for (const route of routes) {
      const match = route.method === request.method ? route.path.exec(url.pathname) : null;
      if (match) return send(res, route.reply(request, match));
    }
    send(res, { status: 404, body: { message: "Not Found" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An origin nothing listens on: a port that was free a moment ago (connection refused). */
export async function unreachableOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The bearer or basic-auth secret a request carried, for fakes that check tokens. */
export function presentedToken(request: FakeRequest): string | null {
  const header = request.headers.authorization ?? "";
  const privateToken = request.headers["private-token"];
  if (typeof privateToken === "string") return privateToken;
  const bearer = /^(?:Bearer|token)\s+(.+)$/i.exec(header);
  if (bearer) return bearer[1]!;
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic) return Buffer.from(basic[1]!, "base64").toString("utf8").split(":").slice(1).join(":");
  return null;
}
