-- Runs once when the compose database is created. If you set SITEREADY_DB_PASSWORD, change the password
-- here to match before the first start.
CREATE ROLE siteready LOGIN CREATEROLE PASSWORD 'change-me-owner';
CREATE DATABASE siteready OWNER siteready;
