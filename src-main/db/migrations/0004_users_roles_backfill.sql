-- Multi-role accounts (issue 16): every existing account keeps its one role as its whole role set.
UPDATE `users` SET `roles` = `role` WHERE `roles` = '';
