import { Initial1795731157451 } from "./1795731157451-Initial";
import { CompanyNameKey1795733238676 } from "./1795733238676-CompanyNameKey";
import { OutboxOutcome1795740896860 } from "./1795740896860-OutboxOutcome";
import { ImportLeases1795740939473 } from "./1795740939473-ImportLeases";
import { BoardCardOrder1795751553865 } from "./1795751553865-BoardCardOrder";
import { ImportRowsProspect1795752417000 } from "./1795752417000-ImportRowsProspect";
import { SearchIndexes1795753141356 } from "./1795753141356-SearchIndexes";
import { BoardValueSum1795754620811 } from "./1795754620811-BoardValueSum";

/** Migrations for MySQL 8 / MariaDB 10.11, oldest first. */
export const mysqlMigrations: Function[] = [Initial1795731157451, CompanyNameKey1795733238676, OutboxOutcome1795740896860, ImportLeases1795740939473, BoardCardOrder1795751553865, ImportRowsProspect1795752417000, SearchIndexes1795753141356, BoardValueSum1795754620811];
