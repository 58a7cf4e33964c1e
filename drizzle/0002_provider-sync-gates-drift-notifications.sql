CREATE TYPE "public"."drift_report_status" AS ENUM('pending', 'computed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."notification_status" AS ENUM('pending', 'delivered', 'failed');--> statement-breakpoint
CREATE TYPE "public"."retrain_status" AS ENUM('dispatched', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('idle', 'running', 'failed');--> statement-breakpoint
CREATE TABLE "drift_baselines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"feature" text NOT NULL,
	"reference" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drift_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"baseline_id" uuid NOT NULL,
	"model_version_id" uuid,
	"window_start" timestamp (3) with time zone NOT NULL,
	"window_end" timestamp (3) with time zone NOT NULL,
	"current" jsonb NOT NULL,
	"sample_count" integer NOT NULL,
	"status" "drift_report_status" DEFAULT 'pending' NOT NULL,
	"psi" double precision,
	"ks" double precision,
	"js_distance" double precision,
	"error" text,
	"computed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retrain_triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule_id" uuid NOT NULL,
	"alert_id" uuid,
	"connection_id" uuid,
	"status" "retrain_status" DEFAULT 'dispatched' NOT NULL,
	"external_ref" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pipeline_run_id" uuid,
	"model_version_id" uuid,
	"promotion_request_id" uuid,
	"error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "notification_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_status" integer,
	"error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"secret_encrypted" text NOT NULL,
	"events" text[] DEFAULT '{}' NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_states" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"connection_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"status" "sync_status" DEFAULT 'idle' NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"items_done" integer DEFAULT 0 NOT NULL,
	"items_total" integer,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"last_success_at" timestamp (3) with time zone,
	"error" text,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "rate_limit_limit" integer;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "rate_limit_remaining" integer;--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "rate_limit_reset_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD COLUMN "external_gate" jsonb;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD COLUMN "rollback_of_deployment_id" uuid;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "retrain" jsonb;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD COLUMN "last_evaluated_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "environments" ADD COLUMN "deploy_target" jsonb;--> statement-breakpoint
ALTER TABLE "drift_baselines" ADD CONSTRAINT "drift_baselines_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_baselines" ADD CONSTRAINT "drift_baselines_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_reports" ADD CONSTRAINT "drift_reports_baseline_id_drift_baselines_id_fk" FOREIGN KEY ("baseline_id") REFERENCES "public"."drift_baselines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drift_reports" ADD CONSTRAINT "drift_reports_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_comments" ADD CONSTRAINT "promotion_comments_request_id_promotion_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."promotion_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_comments" ADD CONSTRAINT "promotion_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrain_triggers" ADD CONSTRAINT "retrain_triggers_rule_id_alert_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alert_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrain_triggers" ADD CONSTRAINT "retrain_triggers_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrain_triggers" ADD CONSTRAINT "retrain_triggers_pipeline_run_id_pipeline_runs_id_fk" FOREIGN KEY ("pipeline_run_id") REFERENCES "public"."pipeline_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrain_triggers" ADD CONSTRAINT "retrain_triggers_model_version_id_model_versions_id_fk" FOREIGN KEY ("model_version_id") REFERENCES "public"."model_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_endpoint_id_notification_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."notification_endpoints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_states" ADD CONSTRAINT "sync_states_connection_id_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."connections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drift_baselines_model_feature_idx" ON "drift_baselines" USING btree ("model_id","feature");--> statement-breakpoint
CREATE INDEX "drift_reports_baseline_window_idx" ON "drift_reports" USING btree ("baseline_id","window_end" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "drift_reports_pending_idx" ON "drift_reports" USING btree ("created_at") WHERE "drift_reports"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "promotion_comments_request_created_idx" ON "promotion_comments" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "retrain_triggers_rule_created_idx" ON "retrain_triggers" USING btree ("rule_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notification_deliveries_endpoint_created_idx" ON "notification_deliveries" USING btree ("endpoint_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "sync_states_connection_scope_idx" ON "sync_states" USING btree ("connection_id","scope");--> statement-breakpoint
CREATE INDEX "sync_states_status_idx" ON "sync_states" USING btree ("status");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_pending_idx" ON "webhook_deliveries" USING btree ("received_at") WHERE "webhook_deliveries"."outcome" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "deployments_environment_external_idx" ON "deployments" USING btree ("environment_id","external_id") WHERE "deployments"."external_id" is not null;--> statement-breakpoint
-- Hand-written: audit rows are append-only, enforced by the database for every writer.
-- The one update allowed is the foreign keys' ON DELETE SET NULL (a deleted user or project):
-- the record itself (actor label, action, target, data, time) never changes.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
    AND (NEW."actor_user_id" IS NULL OR NEW."actor_user_id" = OLD."actor_user_id")
    AND (NEW."project_id" IS NULL OR NEW."project_id" = OLD."project_id")
    AND (NEW."id", NEW."actor_label", NEW."action", NEW."target_type", NEW."target_id", NEW."data", NEW."created_at")
      IS NOT DISTINCT FROM (OLD."id", OLD."actor_label", OLD."action", OLD."target_type", OLD."target_id", OLD."data", OLD."created_at")
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();
