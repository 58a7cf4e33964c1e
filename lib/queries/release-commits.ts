import type { CommitsBetween } from "@/lib/gates/commits-between";
import type { Jsonify } from "./fetch-json";

/** Commits between the running release and the candidate, as the request page receives them. */
export type CommitsBetweenDto = Jsonify<CommitsBetween>;
