import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Countries the company sells in, with their phone code and national number length. */
@Entity({ name: "catalog_locales" })
export class LocaleEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Index("uq_catalog_locales_code", { unique: true })
  @Column({ type: "varchar", length: 8 })
  code!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ name: "phone_code", type: "varchar", length: 6 })
  phoneCode!: string;

  @Column({ name: "phone_digits", type: "int" })
  phoneDigits!: number;

  @Column({ type: "varchar", length: 3 })
  currency!: string;
}

@Entity({ name: "catalog_ecommerce_types" })
export class EcommerceTypeEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Index("uq_catalog_ecommerce_types_key", { unique: true })
  @Column({ type: "varchar", length: 40 })
  key!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;
}

@Entity({ name: "catalog_weight_ranges" })
export class WeightRangeEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ name: "min_kg", type: "decimal", precision: 10, scale: 2 })
  minKg!: string;

  @Column({ name: "max_kg", type: "decimal", precision: 10, scale: 2, nullable: true })
  maxKg!: string | null;
}

@Entity({ name: "catalog_content_types" })
export class ContentTypeEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "varchar", length: 100 })
  name!: string;
}

@Entity({ name: "catalog_monthly_shipment_ranges" })
export class MonthlyShipmentRangeEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Column({ name: "min_shipments", type: "int" })
  minShipments!: number;

  @Column({ name: "max_shipments", type: "int", nullable: true })
  maxShipments!: number | null;
}

/** Acquisition channels; follow_up_data.channel holds the key. */
@Entity({ name: "catalog_channels" })
export class ChannelEntity {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  @Index("uq_catalog_channels_key", { unique: true })
  @Column({ type: "varchar", length: 40 })
  key!: string;

  @Column({ type: "varchar", length: 100 })
  name!: string;
}
