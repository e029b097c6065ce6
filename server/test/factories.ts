import { hashSync } from "bcryptjs";
import type { DataSource } from "typeorm";
import { AccountEntity, AccountStatusCode, AccountTypeCode } from "../src/modules/accounts/account.entity";
import { CompanyEntity } from "../src/modules/accounts/company.entity";
import { ApiTokenEntity } from "../src/modules/auth/api-token.entity";
import { hashSecret } from "../src/modules/auth/auth.service";
import { PermissionEntity, UserPermissionEntity } from "../src/modules/auth/permission.entity";
import { UserEntity } from "../src/modules/auth/user.entity";
import { LocaleEntity } from "../src/modules/catalogs/catalog.entities";
import { ContactEntity } from "../src/modules/contacts/contact.entity";
import { FollowUpDataEntity } from "../src/modules/follow-ups/follow-up-data.entity";
import { FollowUpStatusEntity } from "../src/modules/follow-ups/follow-up-status.entity";
import { LocationEntity } from "../src/modules/locations/location.entity";
import { CompanyNoteEntity, ProspectNoteEntity, type NoteAction } from "../src/modules/notes/note.entities";
import { ReminderEntity } from "../src/modules/reminders/reminder.entity";

export const TEST_PASSWORD = "secret-password";
const PASSWORD_HASH = hashSync(TEST_PASSWORD, 4);
let sequence = 0;
const next = () => ++sequence;

/** A user with exactly these permission keys (catalogs must be seeded). */
export async function buildUser(ds: DataSource, permissions: string[], overrides: Partial<UserEntity> = {}): Promise<UserEntity> {
  const n = next();
  const user = await ds.getRepository(UserEntity).save({
    email: `user${n}-${Date.now()}@test.example`,
    name: `Test User ${n}`,
    passwordHash: PASSWORD_HASH,
    active: true,
    ...overrides,
  });
  if (permissions.length > 0) {
    const rows = await ds.getRepository(PermissionEntity).createQueryBuilder("p").where("p.key IN (:...keys)", { keys: permissions }).getMany();
    if (rows.length !== permissions.length) {
      throw new Error(`unknown permission in ${permissions.join(",")}`);
    }
    await ds.getRepository(UserPermissionEntity).insert(rows.map((p) => ({ userId: user.id, permissionId: p.id })));
  }
  return user;
}

export async function firstStatus(ds: DataSource, offset = 0): Promise<FollowUpStatusEntity> {
  const statuses = await ds.getRepository(FollowUpStatusEntity).createQueryBuilder("s").where("s.parent_id IS NOT NULL").orderBy("s.id").getMany();
  return statuses[offset % statuses.length]!;
}

export async function mexico(ds: DataSource): Promise<LocaleEntity> {
  return ds.getRepository(LocaleEntity).findOneByOrFail({ code: "MX" });
}

export async function buildCompany(ds: DataSource, overrides: Partial<CompanyEntity> = {}): Promise<CompanyEntity> {
  return ds.getRepository(CompanyEntity).save({ name: `Empresa ${next()}`, taxId: null, localeId: null, assignedExecutiveId: null, ...overrides });
}

/** A prospect (or another type via overrides) created by `creator`. */
export async function buildProspect(ds: DataSource, creator: UserEntity, overrides: Partial<AccountEntity> = {}): Promise<AccountEntity> {
  const n = next();
  const [status, locale] = await Promise.all([firstStatus(ds), mexico(ds)]);
  return ds.getRepository(AccountEntity).save({
    name: `Contacto ${n}`,
    companyName: `Compañía ${n}`,
    email: `contacto${n}@empresa.example`,
    phoneCode: "52",
    phone: `55${String(10000000 + n).slice(-8)}`,
    companyId: null,
    followUpId: status.id,
    localeId: locale.id,
    monthlyShipmentId: null,
    type: AccountTypeCode.prospect,
    status: AccountStatusCode.inProcess,
    createdBy: creator.id,
    salesmanId: creator.id,
    ...overrides,
  });
}

export async function buildNote(
  ds: DataSource,
  account: AccountEntity,
  author: UserEntity,
  overrides: { comment?: string; action?: NoteAction; scheduledDate?: Date | null; createdAt?: Date } = {},
): Promise<ProspectNoteEntity> {
  return ds.getRepository(ProspectNoteEntity).save({
    prospectId: account.id,
    statusId: account.followUpId,
    comment: overrides.comment ?? `Nota ${next()}`,
    action: overrides.action ?? "call",
    scheduledDate: overrides.scheduledDate ?? null,
    createdBy: author.id,
    ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
  });
}

export async function buildCompanyNote(ds: DataSource, companyId: number, author: UserEntity, comment: string, createdAt?: Date): Promise<CompanyNoteEntity> {
  return ds.getRepository(CompanyNoteEntity).save({
    companyId,
    followUpStatusId: null,
    comment,
    action: "email",
    scheduledDate: null,
    createdBy: author.id,
    ...(createdAt ? { createdAt } : {}),
  });
}

export async function buildContact(ds: DataSource, account: AccountEntity, author: UserEntity): Promise<ContactEntity> {
  return ds.getRepository(ContactEntity).save({ prospectId: account.id, companyId: account.companyId, name: `Persona ${next()}`, email: null, phoneCode: "52", phone: "5512345678", jobTitle: "Compras", createdBy: author.id });
}

export async function buildLocation(ds: DataSource, account: AccountEntity, author: UserEntity): Promise<LocationEntity> {
  return ds.getRepository(LocationEntity).save({
    prospectId: account.id,
    companyId: account.companyId,
    kind: "warehouse",
    name: "Bodega",
    street: "Av. Siempre Viva",
    exteriorNumber: "742",
    interiorNumber: null,
    neighborhood: "Centro",
    city: "Guadalajara",
    state: "Jalisco",
    postalCode: "44100",
    country: "MX",
    isPrimary: true,
    createdBy: author.id,
  });
}

export async function buildFollowUpData(ds: DataSource, account: AccountEntity, overrides: Partial<FollowUpDataEntity> = {}): Promise<FollowUpDataEntity> {
  return ds.getRepository(FollowUpDataEntity).save({ prospectId: account.id, companyId: account.companyId, channel: null, accountValue: 1000, monthlyShipments: 10, accountType: "sme", ...overrides });
}

/** An open reminder on `account`, written by `creator` and assigned to them unless overridden. */
export async function buildReminder(ds: DataSource, account: AccountEntity, creator: UserEntity, overrides: Partial<ReminderEntity> = {}): Promise<ReminderEntity> {
  return ds.getRepository(ReminderEntity).save({
    prospectId: account.id,
    assigneeId: creator.id,
    text: `Recordatorio ${next()}`,
    dueAt: new Date(Date.now() + 86_400_000),
    completedAt: null,
    createdBy: creator.id,
    ...overrides,
  });
}

/** An API token of `user` stored directly (hash only); returns the entity and its secret. */
export async function buildApiToken(
  ds: DataSource,
  user: UserEntity,
  overrides: Partial<ApiTokenEntity> = {},
): Promise<{ token: ApiTokenEntity; secret: string }> {
  const secret = `crm_test_${next()}_${Date.now()}`;
  const token = await ds.getRepository(ApiTokenEntity).save({
    userId: user.id,
    name: `Token ${next()}`,
    tokenHash: hashSecret(secret),
    scopes: ["read", "write"],
    expiresAt: null,
    lastUsedAt: null,
    revokedAt: null,
    ...overrides,
  });
  return { token, secret };
}
