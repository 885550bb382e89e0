CREATE TABLE "ledger_accounts" (
	"organisation_id" text NOT NULL,
	"ledger" text NOT NULL,
	"account" text NOT NULL,
	"balance" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_accounts_organisation_id_ledger_account_pk" PRIMARY KEY("organisation_id","ledger","account")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"store_id" text NOT NULL,
	"ledger" text NOT NULL,
	"account" text NOT NULL,
	"kind" text NOT NULL,
	"delta" bigint NOT NULL,
	"order_id" text,
	"occurred_at" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"balance_after" bigint NOT NULL,
	"overdraft" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entries_account" ON "ledger_entries" USING btree ("organisation_id","ledger","account");