import type { DeploymentBoard } from "@/lib/deployments/get-deployment-board";
import type { Jsonify } from "./fetch-json";

/** The deployments board as it reaches the browser. */
export type DeploymentBoardDto = Jsonify<DeploymentBoard>;
export type BoardProjectDto = DeploymentBoardDto["projects"][number];
export type BoardCellDto = BoardProjectDto["environments"][number];
export type BoardDeploymentDto = BoardCellDto["running"][number];
