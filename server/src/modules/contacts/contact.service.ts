import type { DataSource } from "typeorm";
import { FieldChecks } from "../../graphql/field-checks";
import { expectGlobalId } from "../../graphql/global-id";
import { checkPhone } from "../../graphql/phone-checks";
import { accountInScope, liveChildInScope } from "../accounts/account-access";
import type { Viewer } from "../auth/viewer";
import type { CatalogService } from "../catalogs/catalog.service";
import { ContactEntity } from "./contact.entity";
import type { AddContactInput, RemoveContactInput, UpdateContactInput } from "./contact.inputs";

type ContactFields = Pick<ContactEntity, "name" | "email" | "phoneCode" | "phone" | "jobTitle">;

/** Writes of an account's extra contacts (extra_contacts); anyone who sees the account may change them. */
export class ContactService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalogs: CatalogService,
  ) {}

  /** Adds a contact to an account in the viewer's scope. */
  async add(viewer: Viewer, input: AddContactInput): Promise<ContactEntity> {
    const accountId = expectGlobalId(input.accountId, "Account", "accountId");
    const fields = await this.check(input, null);
    const account = await accountInScope(this.dataSource, viewer, accountId);
    const repo = this.dataSource.getRepository(ContactEntity);
    const { id } = await repo.save({ ...fields, prospectId: account.id, companyId: account.companyId, createdBy: viewer.id });
    return repo.findOneByOrFail({ id });
  }

  /** Changes the given fields of a contact. */
  async update(viewer: Viewer, input: UpdateContactInput): Promise<ContactEntity> {
    const contact = await liveChildInScope(this.dataSource, viewer, ContactEntity, "Contact", input.id);
    const fields = await this.check(input, contact);
    const repo = this.dataSource.getRepository(ContactEntity);
    await repo.update({ id: contact.id }, fields);
    return repo.findOneByOrFail({ id: contact.id });
  }

  /** Soft-deletes a contact; returns it as it was. */
  async remove(viewer: Viewer, input: RemoveContactInput): Promise<ContactEntity> {
    const contact = await liveChildInScope(this.dataSource, viewer, ContactEntity, "Contact", input.id);
    await this.dataSource.getRepository(ContactEntity).update({ id: contact.id }, { deletedAt: new Date() });
    return contact;
  }

  /** Validates the fields of an add (current = null) or the given fields of an update, merged with the current row. */
  private async check(input: Partial<Record<keyof ContactFields, string | null>>, current: ContactEntity | null): Promise<Partial<ContactFields>> {
    const checks = new FieldChecks();
    const fields: Partial<ContactFields> = {};
    const given = (key: keyof ContactFields) => current === null || input[key] !== undefined;
    if (given("name")) {
      fields.name = checks.text("name", input.name, { required: true, max: 191 }) ?? "";
    }
    if (given("email")) {
      fields.email = checks.email("email", input.email);
    }
    if (given("jobTitle")) {
      fields.jobTitle = checks.text("jobTitle", input.jobTitle, { max: 120 });
    }
    if (given("phoneCode") || given("phone")) {
      const code = input.phoneCode !== undefined ? input.phoneCode : current?.phoneCode;
      const number = input.phone !== undefined ? input.phone : current?.phone;
      Object.assign(fields, checkPhone(checks, (await this.catalogs.all()).locales, code, number));
    }
    checks.done();
    return fields;
  }
}
