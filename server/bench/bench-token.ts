import type { DataSource } from "typeorm";
import { DEMO_LOGINS } from "../src/db/seed/demo.seed";
import { ApiTokenService } from "../src/modules/auth/api-token.service";
import { ApiTokenScope } from "../src/modules/auth/api-token.types";
import { PermissionEntity, UserPermissionEntity } from "../src/modules/auth/permission.entity";
import { UserEntity } from "../src/modules/auth/user.entity";
import { Viewer } from "../src/modules/auth/viewer";

/** The demo sales manager: sees every account (crm-manager, all-prospects). */
export const BENCH_MANAGER_EMAIL = "manager@example.com";

export interface BenchCredentials {
  /** Bearer secret (READ and WRITE scopes: WRITE alone cannot query) of the manager. */
  token: string;
  signIn: { email: string; password: string };
}

/** A new API token (READ + WRITE) of the demo manager (through the real ApiTokenService) and the manager's demo login. */
export async function createBenchCredentials(dataSource: DataSource): Promise<BenchCredentials> {
  const login = DEMO_LOGINS.find((l) => l.email === BENCH_MANAGER_EMAIL);
  const user = await dataSource.getRepository(UserEntity).findOneBy({ email: BENCH_MANAGER_EMAIL });
  if (!login || !user) {
    throw new Error(`the bench database has no demo manager ${BENCH_MANAGER_EMAIL} (seedDemo skipped?)`);
  }
  const keys = await dataSource
    .createQueryBuilder()
    .select("p.key", "key")
    .from(UserPermissionEntity, "up")
    .innerJoin(PermissionEntity, "p", "p.id = up.permission_id")
    .where("up.user_id = :id", { id: user.id })
    .getRawMany<{ key: string }>();
  const viewer = new Viewer(user.id, user.email, user.name, keys.map((k) => k.key));
  if (viewer.scope !== "all") {
    throw new Error(`${BENCH_MANAGER_EMAIL} does not see every account (permissions: ${keys.map((k) => k.key).join(", ")})`);
  }
  const { secret } = await new ApiTokenService(dataSource).create(viewer, { name: `bench ${new Date().toISOString()}`, scopes: [ApiTokenScope.READ, ApiTokenScope.WRITE] });
  return { token: secret, signIn: { email: login.email, password: login.password } };
}
