CREATE TABLE "audit_anchors" (
	"facility_id" text NOT NULL,
	"row_count" integer NOT NULL,
	"head_hash" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_anchors_facility_id_row_count_pk" PRIMARY KEY("facility_id","row_count")
);
