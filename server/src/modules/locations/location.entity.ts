import { Column, Entity, Index } from "typeorm";
import { AccountChildColumns } from "../accounts/account-child.columns";

export const LOCATION_KINDS = ["office", "warehouse", "branch", "headquarters", "distribution_center"] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** A physical address of an account, with Mexican address fields (company_locations). */
@Entity({ name: "company_locations" })
@Index("idx_company_locations_prospect", ["prospectId"])
@Index("idx_company_locations_company", ["companyId"])
export class LocationEntity extends AccountChildColumns {
  @Column({ type: "varchar", length: 24 })
  kind!: LocationKind;

  @Column({ type: "varchar", length: 120, nullable: true })
  name!: string | null;

  @Column({ type: "varchar", length: 191 })
  street!: string;

  @Column({ name: "exterior_number", type: "varchar", length: 20, nullable: true })
  exteriorNumber!: string | null;

  @Column({ name: "interior_number", type: "varchar", length: 20, nullable: true })
  interiorNumber!: string | null;

  /** Colonia. */
  @Column({ type: "varchar", length: 120, nullable: true })
  neighborhood!: string | null;

  @Column({ type: "varchar", length: 120 })
  city!: string;

  @Column({ type: "varchar", length: 120 })
  state!: string;

  @Column({ name: "postal_code", type: "varchar", length: 10 })
  postalCode!: string;

  @Column({ type: "varchar", length: 2, default: "MX" })
  country!: string;

  @Column({ name: "is_primary", type: "boolean", default: false })
  isPrimary!: boolean;
}
