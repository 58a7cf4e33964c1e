import { z } from "zod";
import { body, errors, idParameter, json } from "@/lib/openapi/components";
import { jsonSchema } from "@/lib/openapi/json-schema";
import { deployTargetBody } from "./deploy-target-schema";

/** Deploy target editing in the OpenAPI document; spread into `promotionPaths`. */
export const deployTargetPaths = {
  "/environments/{id}/deploy-target": {
    put: {
      tags: ["Promotions"],
      operationId: "setDeployTarget",
      summary:
        "Link an environment to the provider run Tandem starts on approval (null unlinks); admins, audited",
      "x-permission": "gates:write",
      parameters: [idParameter("id", "The environment id (uuid).")],
      requestBody: body(jsonSchema(deployTargetBody)),
      responses: {
        "200": json(
          "The deploy target now in force",
          jsonSchema(
            z.object({ environmentId: z.uuid(), deployTarget: z.object({}).loose().nullable() }),
            "output",
          ),
        ),
        ...errors(400, 401, 403, 404, 415),
      },
    },
  },
};
