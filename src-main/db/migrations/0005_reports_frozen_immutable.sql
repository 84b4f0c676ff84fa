-- A frozen month is kept as it was: any UPDATE or DELETE of report_freezes aborts (issue 19 §6).
CREATE TRIGGER `report_freezes_no_update` BEFORE UPDATE ON `report_freezes`
BEGIN
  SELECT RAISE(ABORT, 'report_freezes is immutable');
END;
--> statement-breakpoint
CREATE TRIGGER `report_freezes_no_delete` BEFORE DELETE ON `report_freezes`
BEGIN
  SELECT RAISE(ABORT, 'report_freezes is immutable');
END;
