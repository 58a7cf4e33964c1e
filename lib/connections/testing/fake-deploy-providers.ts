import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Fakes of the provider endpoints Tandem *acts* through (start a run, answer a gate), in
 * the documented shapes: GitHub "Create a workflow dispatch event", "List workflow runs for a
 * workflow", "Create a deployment", "Review custom deployment protection rules"; GitLab
 * "Create a new pipeline" and "Approve or reject a blocked deployment"; Azure DevOps
 * "Runs - Run Pipeline" (with the route discovery azure-devops-node-api does first) and the
 * distributed-task plan events endpoint. Unlike fake-http.ts every request body is recorded,
 * because what Tandem sent is the point of these tests. `failNext` makes the next matching
 * calls fail. Test code only.
 */

export type RecordedCall = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
};
type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Route = { method: string; path: RegExp; reply: (call: RecordedCall, match: RegExpExecArray) => Reply };

export type FakeDeployProviders = {
  origin: string;
  githubUrl: string;
  gitlabUrl: string;
  azureUrl: string;
  calls: RecordedCall[];
  /** The next `times` calls whose path matches answer `status` with a provider-style message. */
  failNext: (path: RegExp, status: number, times?: number, message?: string) => void;
  close: () => Promise<void>;
};

export const FAKE_TOKEN = "fake-provider-token";
export const AZURE_ORG = "fabrikam";
const PIPELINES_LOCATION = {
  id: "7859261e-d2e9-4a68-b820-a5d84cc5bb3d",
  area: "pipelines",
  resourceName: "runs",
  routeTemplate: "{project}/_apis/pipelines/{pipelineId}/runs/{runId}",
  resourceVersion: 1,
  minVersion: "6.0",
  maxVersion: "7.2",
  releasedVersion: "7.1",
};

function authorized(call: RecordedCall): boolean {
  const header = String(call.headers.authorization ?? call.headers["private-token"] ?? "");
  if (header === FAKE_TOKEN || header.endsWith(` ${FAKE_TOKEN}`)) return true;
  const basic = /^Basic\s+(.+)$/i.exec(header);
  return !!basic && Buffer.from(basic[1]!, "base64").toString("utf8").endsWith(`:${FAKE_TOKEN}`);
}

export async function startFakeDeployProviders(): Promise<FakeDeployProviders> {
  const calls: RecordedCall[] = [];
  const faults: { path: RegExp; status: number; times: number; message: string }[] = [];
  let origin = "";
  let nextId = 4100;

  const routes: Route[] = [
    // GitHub
    {
      method: "POST",
      path: /^\/github\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/dispatches$/,
      reply: (call, m) => {
        const body = call.body as { return_run_details?: boolean };
        if (m[3] === "no-dispatch.yml") {
          return { status: 422, body: { message: "Workflow does not have 'workflow_dispatch' trigger" } };
        }
        if (!body.return_run_details || m[3] === "legacy.yml") return { status: 204 };
        const id = ++nextId;
        return {
          status: 200,
          body: {
            workflow_run_id: id,
            run_url: `${origin}/github/repos/${m[1]}/${m[2]}/actions/runs/${id}`,
            html_url: `https://github.com/${m[1]}/${m[2]}/actions/runs/${id}`,
          },
        };
      },
    },
    {
      method: "GET",
      path: /^\/github\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/runs$/,
      reply: (_call, m) => ({
        status: 200,
        body: {
          total_count: 1,
          workflow_runs: [
            {
              id: 3999,
              event: "workflow_dispatch",
              html_url: `https://github.com/${m[1]}/${m[2]}/actions/runs/3999`,
            },
          ],
        },
      }),
    },
    {
      method: "POST",
      path: /^\/github\/repos\/([^/]+)\/([^/]+)\/deployments$/,
      reply: (call, m) => {
        const body = call.body as Record<string, unknown>;
        const id = ++nextId;
        return {
          status: 201,
          body: {
            id,
            url: `${origin}/github/repos/${m[1]}/${m[2]}/deployments/${id}`,
            sha: "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d",
            ref: body.ref,
            environment: body.environment,
            payload: body.payload,
            task: "deploy",
          },
        };
      },
    },
    {
      method: "POST",
      path: /^\/github\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/deployment_protection_rule$/,
      reply: () => ({ status: 204 }),
    },
    // GitLab
    {
      method: "POST",
      path: /^\/gitlab\/api\/v4\/projects\/([^/]+)\/pipeline$/,
      reply: (call, m) => {
        const id = ++nextId;
        const body = call.body as { ref?: string };
        const project = decodeURIComponent(m[1]!);
        return {
          status: 201,
          body: {
            id,
            iid: 12,
            project_id: 7,
            status: "created",
            ref: body.ref,
            web_url: `${origin}/gitlab/${project}/-/pipelines/${id}`,
          },
        };
      },
    },
    {
      method: "POST",
      path: /^\/gitlab\/api\/v4\/projects\/([^/]+)\/deployments\/(\d+)\/approval$/,
      reply: (call) => {
        const body = call.body as { status?: string; comment?: string };
        return {
          status: 201,
          body: {
            user: { id: 1, username: "tandem-bot" },
            status: body.status,
            created_at: new Date().toISOString(),
            comment: body.comment,
          },
        };
      },
    },
    // Azure DevOps
    {
      method: "OPTIONS",
      path: new RegExp(`^/azure/${AZURE_ORG}/_apis/(location|pipelines)$`, "i"),
      reply: (_call, m) => {
        const value =
          m[1]!.toLowerCase() === "pipelines"
            ? [PIPELINES_LOCATION]
            : [
                {
                  id: "e81700f7-3be2-46de-8624-2eb35882fcaa",
                  area: "Location",
                  resourceName: "ResourceAreas",
                  routeTemplate: "_apis/{resource}/{areaId}",
                  resourceVersion: 1,
                  minVersion: "3.2",
                  maxVersion: "7.2",
                  releasedVersion: "0.0",
                },
              ];
        return { status: 200, body: { count: value.length, value } };
      },
    },
    // An empty list, as Azure DevOps Server answers: the client then uses the organisation URL.
    {
      method: "GET",
      path: new RegExp(`^/azure/${AZURE_ORG}/_apis/ResourceAreas$`, "i"),
      reply: () => ({ status: 200, body: { count: 0, value: [] } }),
    },
    {
      method: "POST",
      path: new RegExp(`^/azure/${AZURE_ORG}/([^/]+)/_apis/pipelines/(\\d+)/runs$`, "i"),
      reply: (_call, m) => {
        const id = ++nextId;
        const project = decodeURIComponent(m[1]!);
        return {
          status: 200,
          body: {
            id,
            name: `20260302.${id}`,
            state: "inProgress",
            createdDate: new Date().toISOString(),
            url: `${origin}/azure/${AZURE_ORG}/${project}/_apis/pipelines/${m[2]}/runs/${id}`,
            pipeline: { id: Number(m[2]), name: "deploy" },
            _links: { web: { href: `${origin}/azure/${AZURE_ORG}/${project}/_build/results?buildId=${id}` } },
          },
        };
      },
    },
    {
      method: "POST",
      path: new RegExp(
        `^/azure/${AZURE_ORG}/([^/]+)/_apis/distributedtask/hubs/([^/]+)/plans/([^/]+)/events$`,
        "i",
      ),
      reply: () => ({ status: 204 }),
    },
  ];

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {}
      const call: RecordedCall = {
        method: req.method ?? "GET",
        path: url.pathname,
        headers: req.headers,
        body,
      };
      calls.push(call);
      const reply = answer(call);
      const payload = reply.body === undefined ? "" : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(payload ? { "content-type": "application/json; charset=utf-8" } : {}),
        ...reply.headers,
      });
      res.end(payload);
    });
  });

  function answer(call: RecordedCall): Reply {
    const fault = faults.find((f) => f.times > 0 && f.path.test(call.path));
    if (fault) {
      fault.times -= 1;
      return { status: fault.status, body: { message: fault.message } };
    }
    const isAzureEvents = /distributedtask/.test(call.path);
    // Azure's plan events use the job's own token, checked by the test; everything else the connection's.
    if (!isAzureEvents && call.method !== "OPTIONS" && !authorized(call)) {
      return { status: 401, body: { message: "Bad credentials" } };
    }
    for (const route of routes) {
      const match = route.method === call.method ? route.path.exec(call.path) : null;
      if (match) return route.reply(call, match);
    }
    return { status: 404, body: { message: "Not Found" } };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    githubUrl: `${origin}/github`,
    gitlabUrl: `${origin}/gitlab`,
    azureUrl: `${origin}/azure/${AZURE_ORG}`,
    calls,
    failNext: (path, status, times = 1, message = "Server Error") =>
      faults.push({ path, status, times, message }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
