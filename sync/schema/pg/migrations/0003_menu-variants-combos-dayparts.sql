ALTER TABLE "menu_items" ADD COLUMN "dietary_tags" jsonb;--> statement-breakpoint
ALTER TABLE "menu_items" ADD COLUMN "channel_prices" jsonb;--> statement-breakpoint
ALTER TABLE "menu_items" ADD COLUMN "dayparts" jsonb;--> statement-breakpoint
ALTER TABLE "menu_items" ADD COLUMN "combo" jsonb;--> statement-breakpoint
ALTER TABLE "menu_items" ADD COLUMN "tax_rate_ids_by_dining_option" jsonb;--> statement-breakpoint
ALTER TABLE "modifier_groups" ADD COLUMN "kind" text;