CREATE TABLE "ledger_balances" (
	"store_id" text NOT NULL,
	"ledger" text NOT NULL,
	"account" text NOT NULL,
	"organisation_id" text NOT NULL,
	"balance" bigint NOT NULL,
	"entries" integer NOT NULL,
	"store_delta" bigint NOT NULL,
	"store_entries" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_balances_store_id_ledger_account_pk" PRIMARY KEY("store_id","ledger","account")
);
--> statement-breakpoint
CREATE TABLE "role_permissions" (
	"store_id" text NOT NULL,
	"role" text NOT NULL,
	"permission" text NOT NULL,
	"granted" boolean NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "role_permissions_store_id_role_permission_pk" PRIMARY KEY("store_id","role","permission")
);
--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_permissions" ADD CONSTRAINT "role_permissions_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;