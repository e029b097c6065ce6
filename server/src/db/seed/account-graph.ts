import { AccountStatusCode, AccountTypeCode } from "../../modules/accounts/account.entity";
import { ACCOUNT_SIZES } from "../../modules/follow-ups/follow-up-data.entity";
import { NOTE_ACTIONS, type NoteAction } from "../../modules/notes/note.entities";
import {
  DAY,
  LOCATION_LABELS,
  noteStatus,
  officeHours,
  pickChannel,
  pickEcommerce,
  pickStatus,
  PRIMARY_KINDS,
  REMINDER_WEIGHTS,
  type ReminderKind,
  reminderTimes,
  SECONDARY_KINDS,
  SIZE_WEIGHTS,
  SOCIAL_PROFILES,
  VALUE_RANGE,
} from "./account-picks";
import * as mx from "./mexican-data";
import type { Prng } from "./prng";
import type { SeedBatch } from "./seed-batch";
import type { SeedRefs, StatusRef } from "./seed-refs";

export type { ReminderKind } from "./account-picks";

/** Who and what one account is; the builder invents everything else around it. */
export interface AccountPlan {
  id: number;
  type: AccountTypeCode;
  status: AccountStatusCode;
  createdBy: number;
  salesmanId: number | null;
  /** Set for clients: the platform company the account follows up. */
  company: { id: number; name: string } | null;
  createdAt: Date;
  /** Forces these reminders; otherwise `Proportions.reminder` decides. */
  reminders?: readonly ReminderKind[];
}

/** How much surrounds an account, on average. */
export interface Proportions {
  contacts: number;
  notes: number;
  /** Chance of a second location besides the primary one. */
  extraLocation: number;
  /** Chance of a note having a scheduled date. */
  scheduled: number;
  /** Chance of a reminder on an open account. */
  reminder: number;
  /** Share of prospects outside Mexico. */
  foreignLocale: number;
}

/** Generates the rows of accounts and everything around them, deterministically from one PRNG. */
export class AccountGraphBuilder {
  private notesWritten = 0;
  private readonly openStatuses: StatusRef[];
  private readonly mexico: SeedRefs["locales"][number];
  private readonly foreignLocales: SeedRefs["locales"];

  constructor(
    private readonly rng: Prng,
    private readonly refs: SeedRefs,
    private readonly now: Date,
    private readonly proportions: Proportions,
  ) {
    this.openStatuses = refs.statuses.filter((s) => s.outcome === null);
    const mexico = refs.locales.find((l) => l.code === "MX") ?? refs.locales[0];
    if (!mexico) {
      throw new Error("Seeding needs at least one locale");
    }
    this.mexico = mexico;
    this.foreignLocales = refs.locales.filter((l) => l.id !== mexico.id);
  }

  /** A platform company (the thing a client account links to). */
  company(batch: SeedBatch, id: number, assignedExecutiveId: number | null, createdAt: Date): { id: number; name: string } {
    const name = mx.businessName(this.rng, true);
    const registered = new Date(Math.floor(createdAt.getTime() / 1000) * 1000);
    batch.companies.push({ id, name, taxId: mx.taxId(this.rng, name), localeId: this.mexico.id, assignedExecutiveId, createdAt: registered });
    return { id, name };
  }

  /** A moment `daysBack` days or fewer ago, in Mexican office hours, never in the future. */
  pastDate(daysBack: number): Date {
    const date = officeHours(this.rng, this.now.getTime() - this.rng.int(0, daysBack) * DAY);
    date.setUTCSeconds(this.rng.int(0, 59));
    return date.getTime() < this.now.getTime() ? date : new Date(Math.floor(this.now.getTime() / 1000) * 1000 - this.rng.int(1, 120) * 60_000);
  }

  add(batch: SeedBatch, plan: AccountPlan): void {
    const rng = this.rng;
    const where = mx.city(rng);
    const person = mx.personName(rng);
    const foreign = plan.company === null && this.foreignLocales.length > 0 && rng.chance(this.proportions.foreignLocale);
    const locale = foreign ? rng.pick(this.foreignLocales) : this.mexico;
    const size = rng.weighted(SIZE_WEIGHTS);
    const individual = size === "individual" && plan.company === null;
    const companyName = plan.company?.name ?? (individual && rng.chance(0.5) ? person.full : mx.businessName(rng));
    const domain = individual ? null : mx.businessDomain(companyName);
    const ecommerce = pickEcommerce(rng, this.refs.ecommerceTypes, size);
    const status = pickStatus(rng, this.refs.statuses, this.openStatuses, plan.type, plan.status);
    const shipmentIndex = Math.min(this.refs.shipmentRanges.length - 1, Math.max(0, ACCOUNT_SIZES.indexOf(size) + rng.int(-1, 1)));
    const shipments = this.refs.shipmentRanges[shipmentIndex] ?? this.refs.shipmentRanges[0];
    const context = { contact: person.first, city: where.city, ecommerce: ecommerce.name };
    const companyId = plan.company?.id ?? null;
    const worker = plan.salesmanId ?? plan.createdBy;

    const noteDates = this.noteDates(plan);
    batch.accounts.push({
      id: plan.id,
      name: person.full,
      companyName,
      email: rng.chance(0.95) ? mx.email(rng, person, domain) : null,
      phoneCode: locale.phoneCode,
      phone: rng.chance(0.97) ? mx.phoneNumber(rng, locale.phoneDigits, locale === this.mexico ? where.lada : null) : null,
      companyId,
      followUpId: status.id,
      localeId: locale.id,
      monthlyShipmentId: shipments?.id ?? null,
      type: plan.type,
      status: plan.status,
      createdBy: plan.createdBy,
      salesmanId: plan.salesmanId,
      createdAt: plan.createdAt,
      updatedAt: noteDates[noteDates.length - 1] ?? plan.createdAt,
      version: 1,
    });

    const [minValue, maxValue] = VALUE_RANGE[size];
    const closed = plan.status === AccountStatusCode.removed || status.outcome !== null;
    batch.followUpData.push({
      companyId,
      prospectId: plan.id,
      channel: pickChannel(rng, this.refs.channelKeys, plan.type),
      accountValue: Math.round(rng.int(minValue, maxValue) / 500) * 500,
      monthlyShipments: shipments ? rng.int(shipments.min, shipments.max ?? shipments.min * 3) : null,
      ecommerceTypeId: ecommerce.id,
      weightId: rng.pick(this.refs.weightIds),
      contentId: rng.pick(this.refs.contentIds),
      accountType: size,
      estimatedCloseDate: rng.chance(0.8) ? this.isoDate(closed ? this.after(plan.createdAt, 60) : new Date(this.now.getTime() + rng.int(7, 90) * DAY)) : null,
      annotations: rng.chance(0.35) ? mx.annotation(rng, context) : null,
      createdAt: plan.createdAt,
      updatedAt: plan.createdAt,
    });

    if (plan.type === AccountTypeCode.partnerProspect) {
      const handle = mx.slug(companyName).slice(0, 30);
      batch.partnerData.push({
        prospectId: plan.id,
        url: `https://www.${handle}.com.mx`,
        rating: rng.int(1, 5),
        socialNetwork: `${rng.pick(SOCIAL_PROFILES)}${handle}`,
        comments: rng.chance(0.5) ? "Aliado con cartera de tiendas en línea; revisar comisión por envío." : null,
        createdAt: plan.createdAt,
        updatedAt: plan.createdAt,
      });
    }

    const contactCount = rng.around(this.proportions.contacts);
    for (let i = 0; i < contactCount; i += 1) {
      const contact = mx.personName(rng);
      const createdAt = this.after(plan.createdAt, 10);
      batch.contacts.push({
        prospectId: plan.id,
        companyId,
        name: contact.full,
        email: mx.email(rng, contact, domain),
        phoneCode: locale.phoneCode,
        phone: mx.phoneNumber(rng, locale.phoneDigits, locale === this.mexico ? where.lada : null),
        jobTitle: mx.jobTitle(rng),
        createdBy: plan.createdBy,
        createdAt,
        updatedAt: createdAt,
        deletedAt: null,
      });
    }

    const locationCount = rng.chance(this.proportions.extraLocation) ? 2 : 1;
    for (let i = 0; i < locationCount; i += 1) {
      const site = i === 0 ? where : mx.city(rng);
      const kind = i === 0 ? rng.pick(PRIMARY_KINDS) : rng.pick(SECONDARY_KINDS);
      const createdAt = this.after(plan.createdAt, 15);
      batch.locations.push({
        prospectId: plan.id,
        companyId,
        kind,
        name: `${LOCATION_LABELS[kind]}${i === 0 ? "" : ` ${site.city}`}`,
        ...mx.address(rng, site),
        city: site.city,
        state: site.state,
        country: "MX",
        isPrimary: i === 0,
        createdBy: plan.createdBy,
        createdAt,
        updatedAt: createdAt,
        deletedAt: null,
      });
    }

    // A client's timeline is its history as a prospect followed by its company's notes.
    const prospectHistory = plan.company ? Math.max(1, Math.floor(noteDates.length / 2)) : noteDates.length;
    noteDates.forEach((createdAt, index) => {
      const action = this.nextAction();
      const recorded = noteStatus(this.openStatuses, status, index, noteDates.length);
      const common = {
        comment: mx.noteText(rng, action, context),
        action,
        scheduledDate: this.scheduledDate(createdAt, !closed && index >= noteDates.length - 2, closed),
        createdBy: rng.chance(0.8) ? worker : plan.createdBy,
        createdAt,
        updatedAt: createdAt,
        deletedAt: null,
      };
      if (index < prospectHistory || !plan.company) {
        batch.prospectNotes.push({ ...common, prospectId: plan.id, statusId: recorded.id });
      } else {
        batch.companyNotes.push({ ...common, companyId: plan.company.id, followUpStatusId: recorded.id });
      }
    });

    const reminders = plan.reminders ?? (!closed && rng.chance(this.proportions.reminder) ? [rng.weighted(REMINDER_WEIGHTS)] : []);
    for (const kind of reminders) {
      batch.reminders.push({
        prospectId: plan.id,
        assigneeId: worker,
        text: mx.reminderText(rng),
        ...reminderTimes(rng, this.now.getTime(), kind, plan.createdAt),
        createdBy: plan.createdBy,
        deletedAt: null,
      });
    }
  }

  /** Every action shows up in the first notes of a run, then they are drawn at random. */
  private nextAction(): NoteAction {
    const action = this.notesWritten < NOTE_ACTIONS.length ? NOTE_ACTIONS[this.notesWritten] : this.rng.pick(NOTE_ACTIONS);
    this.notesWritten += 1;
    return action ?? "other";
  }

  private noteDates(plan: AccountPlan): Date[] {
    const wanted = this.rng.around(this.proportions.notes);
    const count = plan.company ? Math.max(2, wanted) : Math.max(1, wanted);
    const span = Math.max(60_000, this.now.getTime() - plan.createdAt.getTime());
    return Array.from({ length: count }, () => new Date(plan.createdAt.getTime() + Math.floor(this.rng.next() * span)))
      .sort((a, b) => a.getTime() - b.getTime())
      .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));
  }

  /**
   * Open accounts get their next activity in the coming weeks; older notes scheduled a
   * follow-up a few days later. A closed account has nothing left in the future.
   */
  private scheduledDate(createdAt: Date, upcoming: boolean, closed: boolean): Date | null {
    if (!this.rng.chance(this.proportions.scheduled)) {
      return null;
    }
    const base = upcoming ? this.now.getTime() : createdAt.getTime();
    const date = officeHours(this.rng, base + this.rng.int(1, upcoming ? 21 : 7) * DAY);
    return closed && date.getTime() > this.now.getTime() ? null : date;
  }

  /** A moment up to `days` days after `start`, not in the future. */
  private after(start: Date, days: number): Date {
    const t = Math.min(this.now.getTime(), start.getTime() + Math.floor(this.rng.next() * days * DAY));
    return new Date(Math.floor(t / 1000) * 1000);
  }

  private isoDate(date: Date): string {
    return date.toISOString().slice(0, 10);
  }
}
