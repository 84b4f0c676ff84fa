CREATE TABLE "batches" (
	"facility_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"response" jsonb NOT NULL,
	"records" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batches_facility_id_batch_id_pk" PRIMARY KEY("facility_id","batch_id")
);
--> statement-breakpoint
CREATE TABLE "district_users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] DEFAULT ARRAY['viewer']::text[] NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "district_users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "epochs" (
	"facility_id" text NOT NULL,
	"epoch" text NOT NULL,
	"rank" integer NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "epochs_facility_id_epoch_pk" PRIMARY KEY("facility_id","epoch")
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"district" text DEFAULT '' NOT NULL,
	"enrolment_code_hash" text,
	"enrolment_expires_at" timestamp with time zone,
	"desktop_facility_id" text,
	"credential_hash" text,
	"enrolled_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_push_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facilities_code_unique" UNIQUE("code"),
	CONSTRAINT "facilities_desktop_facility_id_unique" UNIQUE("desktop_facility_id"),
	CONSTRAINT "facilities_credential_hash_unique" UNIQUE("credential_hash")
);
--> statement-breakpoint
CREATE TABLE "push_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" text NOT NULL,
	"accepted" integer NOT NULL,
	"rejected" integer NOT NULL,
	"bytes" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "records" (
	"facility_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"epoch_rank" integer NOT NULL,
	"version" integer NOT NULL,
	"change_id" text NOT NULL,
	"epoch" text NOT NULL,
	"payload_version" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"changed_at" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_facility_id_entity_entity_id_pk" PRIMARY KEY("facility_id","entity","entity_id")
);
--> statement-breakpoint
CREATE TABLE "rejections" (
	"id" serial PRIMARY KEY NOT NULL,
	"facility_id" text NOT NULL,
	"change_id" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "records_entity" ON "records" USING btree ("entity","facility_id");--> statement-breakpoint
CREATE INDEX "rejections_record" ON "rejections" USING btree ("facility_id","entity","entity_id");