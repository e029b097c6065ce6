import { Initial1795731157451 } from "./1795731157451-Initial";

/** Migrations for SQLite, oldest first. */
export const sqliteMigrations: Function[] = [Initial1795731157451];
