import { BUILD_LOCATIONS, type FakeAzureBuild, getTimeline, listBuilds } from "./fake-azure-devops-builds";
import {
  type FakeReply,
  type FakeRequest,
  type FakeServer,
  presentedToken,
  startFakeServer,
} from "./fake-http";

export { type FakeAzureBuild, fakeBuilds } from "./fake-azure-devops-builds";

/**
 * A fake Azure DevOps organisation at `<origin>/<organisation>`. azure-devops-node-api
 * discovers routes before calling them, so besides "Projects - List" and "Definitions -
 * List" this serves what the client asks first: OPTIONS `_apis/<area>` (the area's
 * resource locations), `_apis/ResourceAreas` (which host serves each area) and
 * `_apis/connectionData` (who the token is). Shapes follow the REST reference. Test only.
 */

export type FakeAzureDevOpsOptions = {
  token: string;
  organisation?: string;
  /** Project name → number of build definitions. */
  projects?: Record<string, number>;
  /** Project name → its builds (with timelines); tests mutate them to simulate change. */
  builds?: Record<string, FakeAzureBuild[]>;
};

/** The next `times` matching requests get this answer (429 with Retry-After, a 5xx burst). */
export type FakeAzureFault = {
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  times: number;
};
export type FakeAzureDevOps = FakeServer & { baseUrl: string; faults: FakeAzureFault[] };

const AREAS = {
  core: "79134c72-4a58-4b42-976c-04e7115f32bf",
  build: "965220d5-5bb9-42cf-8d67-9b146df2a5a4",
};

/** ApiResourceLocation entries, as `OPTIONS _apis/<area>` lists them. */
const LOCATIONS: Record<string, object[]> = {
  location: [
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
  ],
  core: [
    {
      id: "603fe2ac-9723-48b9-88ad-09305aa6c6e1",
      area: "core",
      resourceName: "projects",
      routeTemplate: "_apis/{resource}/{*projectId}",
      resourceVersion: 4,
      minVersion: "1.0",
      maxVersion: "7.2",
      releasedVersion: "7.1",
    },
  ],
  build: [
    {
      id: "dbeaf647-6167-421a-bda9-c9327b25e2e6",
      area: "build",
      resourceName: "definitions",
      routeTemplate: "{project}/_apis/build/{resource}/{definitionId}",
      resourceVersion: 7,
      minVersion: "2.0",
      maxVersion: "7.2",
      releasedVersion: "7.1",
    },
    ...BUILD_LOCATIONS,
  ],
};

const UNAUTHORIZED: FakeReply = {
  status: 401,
  headers: { "www-authenticate": 'Basic realm="https://tfsprodcus3.app.visualstudio.com/"' },
  body: {
    $id: "1",
    innerException: null,
    message: "TF400813: The user '' is not authorized to access this resource.",
    typeName:
      "Microsoft.TeamFoundation.Framework.Server.UnauthorizedRequestException, Microsoft.TeamFoundation.Framework.Server",
    typeKey: "UnauthorizedRequestException",
    errorCode: 0,
    eventId: 3000,
  },
};

const guid = (n: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`;

export async function startFakeAzureDevOps(options: FakeAzureDevOpsOptions): Promise<FakeAzureDevOps> {
  const org = options.organisation ?? "fabrikam";
  const projects = Object.keys(options.projects ?? {});
  let orgUrl = "";
  const faults: FakeAzureFault[] = [];
  const fault = (request: FakeRequest): FakeReply | null => {
    const hit = faults.find((f) => f.times > 0 && f.path.test(request.path));
    if (!hit) return null;
    hit.times -= 1;
    return { status: hit.status, headers: hit.headers, body: { message: `Request failed (${hit.status})` } };
  };
  const guarded = (request: FakeRequest, ok: () => FakeReply) =>
    presentedToken(request) === options.token ? (fault(request) ?? ok()) : UNAUTHORIZED;
  const projectIndex = (raw: string) =>
    projects.findIndex((p) => p.toLowerCase() === decodeURIComponent(raw).toLowerCase());
  const projectRef = (name: string, i: number) => ({
    id: guid(i + 1),
    name,
    description: `${name} project`,
    url: `${orgUrl}/_apis/projects/${guid(i + 1)}`,
    state: "wellFormed",
    revision: 411 + i,
    visibility: "private",
    lastUpdateTime: "2024-01-10T10:11:12.473Z",
  });

  const server = await startFakeServer([
    {
      method: "GET",
      path: new RegExp(`^/${org}/([^/]+)/_apis/build/builds/?$`, "i"),
      reply: (request, match) =>
        guarded(request, () => {
          const index = projectIndex(match[1]!);
          if (index < 0) return { status: 404, body: { message: "TF200016: The project does not exist." } };
          const name = projects[index]!;
          return listBuilds(orgUrl, { id: guid(index + 1), name }, options.builds?.[name] ?? [], request);
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^/${org}/([^/]+)/_apis/build/builds/(\\d+)/Timeline/?$`, "i"),
      reply: (request, match) =>
        guarded(request, () => {
          const index = projectIndex(match[1]!);
          const found =
            index < 0 ? null : options.builds?.[projects[index]!]?.find((b) => String(b.id) === match[2]);
          return found ? getTimeline(found) : { status: 404, body: { message: "Build not found." } };
        }),
    },
    {
      method: "OPTIONS",
      path: new RegExp(`^/${org}/_apis/(location|core|build)$`, "i"),
      reply: (request, match) =>
        guarded(request, () => {
          const value = LOCATIONS[match[1]!.toLowerCase()]!;
          return { status: 200, body: { count: value.length, value } };
        }),
    },
    {
      method: "GET",
      path: new RegExp(`^/${org}/_apis/ResourceAreas$`, "i"),
      reply: (request) =>
        guarded(request, () => ({
          status: 200,
          body: {
            count: 2,
            value: Object.entries(AREAS).map(([name, id]) => ({ id, name, locationUrl: `${orgUrl}/` })),
          },
        })),
    },
    {
      method: "GET",
      path: new RegExp(`^/${org}/_apis/connectionData$`, "i"),
      reply: (request) =>
        guarded(request, () => ({
          status: 200,
          body: {
            authenticatedUser: {
              id: guid(99),
              descriptor: "Microsoft.IdentityModel.Claims.ClaimsIdentity;fake",
              providerDisplayName: "Ada Lovelace",
              isActive: true,
            },
            authorizedUser: { id: guid(99), providerDisplayName: "Ada Lovelace", isActive: true },
            instanceId: guid(100),
            deploymentId: guid(101),
            deploymentType: "hosted",
          },
        })),
    },
    {
      method: "GET",
      path: new RegExp(`^/${org}/_apis/projects/?$`, "i"),
      reply: (request) =>
        guarded(request, () => ({
          status: 200,
          body: { count: projects.length, value: projects.map(projectRef) },
        })),
    },
    {
      method: "GET",
      path: new RegExp(`^/${org}/([^/]+)/_apis/build/definitions/?$`, "i"),
      reply: (request, match) =>
        guarded(request, () => {
          const name = decodeURIComponent(match[1]!);
          const index = projects.findIndex((p) => p.toLowerCase() === name.toLowerCase());
          if (index < 0) {
            return {
              status: 404,
              body: {
                message: `TF200016: The following project does not exist: ${name}.`,
                typeKey: "ProjectDoesNotExistWithNameException",
              },
            };
          }
          const project = projectRef(projects[index]!, index);
          const value = Array.from({ length: options.projects![project.name]! }, (_, i) => ({
            id: i + 1,
            name: i === 0 ? `${project.name}-CI` : `${project.name}-pipeline-${i + 1}`,
            url: `${orgUrl}/${project.id}/_apis/build/Definitions/${i + 1}?revision=3`,
            uri: `vstfs:///Build/Definition/${i + 1}`,
            path: "\\",
            type: "build",
            queueStatus: "enabled",
            revision: 3,
            createdDate: "2024-01-10T10:11:12.473Z",
            project,
            quality: "definition",
            authoredBy: { displayName: "Ada Lovelace", id: guid(99), uniqueName: "ada@fabrikam.com" },
            queue: {
              id: 9,
              name: "Azure Pipelines",
              pool: { id: 9, name: "Azure Pipelines", isHosted: true },
            },
          }));
          return { status: 200, body: { count: value.length, value } };
        }),
    },
  ]);
  orgUrl = `${server.origin}/${org}`;
  return { ...server, baseUrl: orgUrl, faults };
}
