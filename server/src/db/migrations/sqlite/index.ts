import { Initial1795731157451 } from "./1795731157451-Initial";
import { CompanyNameKey1795733238676 } from "./1795733238676-CompanyNameKey";
import { OutboxOutcome1795740896860 } from "./1795740896860-OutboxOutcome";
import { ImportLeases1795740939473 } from "./1795740939473-ImportLeases";
import { BoardCardOrder1795751553865 } from "./1795751553865-BoardCardOrder";

/** Migrations for SQLite, oldest first. */
export const sqliteMigrations: Function[] = [Initial1795731157451, CompanyNameKey1795733238676, OutboxOutcome1795740896860, ImportLeases1795740939473, BoardCardOrder1795751553865];
