import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../graphql/node.types";

export enum SentEmailStatusValue {
  QUEUED = "queued",
  SENT = "sent",
  FAILED = "failed",
  DEV_OUTBOX = "dev_outbox",
}
registerEnumType(SentEmailStatusValue, {
  name: "SentEmailStatus",
  description: "QUEUED: being sent; SENT: accepted by SMTP; FAILED: see error; DEV_OUTBOX: no SMTP configured, kept here only",
});

@ObjectType({ implements: Node, description: "An email sent (or attempted) from the side panel; kept whatever its fate" })
export class SentEmail extends Node {
  @Field(() => String) to!: string;
  @Field(() => String) subject!: string;
  @Field(() => String) body!: string;
  @Field(() => SentEmailStatusValue) status!: SentEmailStatusValue;
  @Field(() => String, { nullable: true, description: "Why sending failed" }) error!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) sentAt!: Date | null;
}
