import { Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Extended data of a partner prospect" })
export class PartnerData {
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => Int, { nullable: true, description: "1 to 5" }) rating!: number | null;
  @Field(() => String, { nullable: true }) socialNetwork!: string | null;
  @Field(() => String, { nullable: true }) comments!: string | null;
  @Field(() => Date) updatedAt!: Date;
}
