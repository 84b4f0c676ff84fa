-- The monthly CMAM report reads stays overlapping the month as three index ranges; the third (an exit recorded
-- before the admission, which the F = A + C - E check names) needs this partial index.
CREATE INDEX IF NOT EXISTS `cmam_episodes_exit_before_admission` ON `cmam_episodes` (`admission_date`) WHERE `exit_date` < `admission_date`;
