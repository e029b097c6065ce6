import { openTestDatabase } from "../../../test/databases";
import { testDialects } from "../../../test/databases";
import { buildProspect, buildUser } from "../../../test/factories";
import { seedCatalogs } from "../../db/seed/catalogs.seed";
import { backfillCompanyNameKeys } from "../../db/migrations/company-name-key.backfill";
import { AccountEntity } from "./account.entity";
import { companyNameKey } from "./company-name-key";

describe.each(testDialects())("prospection_users.company_name_key on %s", (dialect) => {
  it("should be kept in step by every kind of write and filled by the migration's backfill", async () => {
    const db = await openTestDatabase(dialect);
    try {
      const ds = db.dataSource;
      await seedCatalogs(ds);
      const user = await buildUser(ds, ["crm"]);
      const saved = await buildProspect(ds, user, { companyName: "Logística del Bajío" });
      const repo = ds.getRepository(AccountEntity);
      expect((await repo.findOneByOrFail({ id: saved.id })).companyNameKey).toBe("logistica del bajio");

      await repo.createQueryBuilder().update().set({ companyName: "Envíos PEÑA" }).where("id = :id", { id: saved.id }).execute();
      expect((await repo.findOneByOrFail({ id: saved.id })).companyNameKey).toBe("envios pena");

      const { identifiers } = await repo.createQueryBuilder().insert().values({ ...saved, id: undefined, companyName: "Ñandú Exprés", companyNameKey: null }).execute();
      expect((await repo.findOneByOrFail({ id: Number(identifiers[0]!.id) })).companyNameKey).toBe("nandu expres");

      const other = await buildProspect(ds, user, { companyName: "Árbol Café" });
      await repo.createQueryBuilder().update().set({ companyNameKey: null }).execute();
      const runner = ds.createQueryRunner();
      try {
        await backfillCompanyNameKeys(runner, dialect === "sqlite" ? '"' : "`");
      } finally {
        await runner.release();
      }
      const rows = await repo.find({ order: { id: "ASC" } });
      expect(rows.map((r) => r.companyNameKey)).toEqual(rows.map((r) => companyNameKey(r.companyName)));
      expect(rows.find((r) => r.id === other.id)?.companyNameKey).toBe("arbol cafe");
    } finally {
      await db.close();
    }
  });
});
