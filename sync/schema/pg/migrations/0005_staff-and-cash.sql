CREATE TABLE "drawer_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"store_id" text NOT NULL,
	"version" integer NOT NULL,
	"device_id" text NOT NULL,
	"business_day" text NOT NULL,
	"status" text NOT NULL,
	"opened_at" text NOT NULL,
	"closed_at" text,
	"float" bigint NOT NULL,
	"expected" bigint NOT NULL,
	"counted" bigint,
	"over_short" bigint,
	"document" jsonb NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_punches" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"store_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"staff_name" text NOT NULL,
	"kind" text NOT NULL,
	"at" text NOT NULL,
	"business_day" text NOT NULL,
	"device_id" text,
	"original_at" text,
	"corrected_by" text,
	"corrected_at" text,
	"correction_reason" text,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "z_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"store_id" text NOT NULL,
	"sequence" integer NOT NULL,
	"business_day" text NOT NULL,
	"period_from" text NOT NULL,
	"period_to" text NOT NULL,
	"closed_by" text,
	"closed_by_name" text,
	"currency" text NOT NULL,
	"report" jsonb NOT NULL,
	"ingested_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "drawer_sessions" ADD CONSTRAINT "drawer_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drawer_sessions" ADD CONSTRAINT "drawer_sessions_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_punches" ADD CONSTRAINT "time_punches_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_punches" ADD CONSTRAINT "time_punches_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "z_reports" ADD CONSTRAINT "z_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "z_reports" ADD CONSTRAINT "z_reports_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drawer_sessions_store_day" ON "drawer_sessions" USING btree ("store_id","business_day");--> statement-breakpoint
CREATE INDEX "time_punches_store_day" ON "time_punches" USING btree ("store_id","business_day");--> statement-breakpoint
CREATE INDEX "time_punches_store_staff" ON "time_punches" USING btree ("store_id","staff_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "z_reports_store_sequence" ON "z_reports" USING btree ("store_id","sequence");--> statement-breakpoint
CREATE INDEX "z_reports_store_day" ON "z_reports" USING btree ("store_id","business_day");