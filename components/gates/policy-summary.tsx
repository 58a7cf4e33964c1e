import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { PromotionPolicyDto } from "@/lib/queries/promotions";

function minutes(n: number): string {
  return n >= 60 && n % 60 === 0 ? `${n / 60} h` : `${n} min`;
}

/** The gate policy that applies to this request, in plain words; shown on every request. */
export function PolicySummary({
  policy,
  environmentName,
  subjectKind,
}: {
  policy: PromotionPolicyDto;
  environmentName: string;
  /** Metric thresholds apply to model versions and CI to releases; the other kind is marked. */
  subjectKind: "model" | "release" | null;
}) {
  const onlyFor = (kind: "model" | "release") =>
    subjectKind && subjectKind !== kind ? ` (${kind === "model" ? "model versions" : "releases"} only)` : "";
  const who = [...policy.approverRoles, ...policy.approverNames].join(", ") || "nobody";
  const rules = [
    `${policy.requiredApprovals} approval${policy.requiredApprovals === 1 ? "" : "s"} from: ${who}`,
    policy.allowSelfApproval ? "The requester may approve" : "The requester may not approve",
    policy.rejectionEndsRequest
      ? "One rejection ends the request"
      : "Rejections are recorded; approvals still decide",
    ...policy.checks.metricThresholds.map(
      (t) =>
        `${t.metric} may be at most ${t.mode === "relative" ? `${t.maxRegression * 100}%` : t.maxRegression} ${t.direction === "higher" ? "lower" : "higher"} than now${onlyFor("model")}`,
    ),
    ...(policy.checks.noFiringAlerts ? [`No alerts firing in ${environmentName}`] : []),
    ...(policy.checks.requireSuccessfulCi
      ? [`A successful CI run for the release's commit${onlyFor("release")}`]
      : []),
    ...(policy.waitMinutes > 0 ? [`Wait ${minutes(policy.waitMinutes)} after the request`] : []),
    ...(policy.deployWindow
      ? [
          `Deploy only ${policy.deployWindow.startHour}:00–${policy.deployWindow.endHour}:00 ${policy.deployWindow.timeZone} on days ${policy.deployWindow.days.join(", ")}`,
        ]
      : []),
    `Requests expire after ${policy.expiryHours} h`,
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Gate policy</CardTitle>
        <CardDescription>
          {policy.isDefault
            ? `${environmentName} has no policy of its own; the defaults apply.`
            : `Set by an admin for ${environmentName}.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="policy-rules">
          {rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
