import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../../graphql/connection";
import { Node } from "../../graphql/node.types";

@ObjectType({ implements: Node, description: "A company registered on the platform" })
export class Company extends Node {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true, description: "RFC" }) taxId!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class CompanyEdge {
  @Field(() => String) cursor!: string;
  @Field(() => Company) node!: Company;
}

@ObjectType({ description: "A page of companies, by name" })
export class CompanyConnection {
  @Field(() => [CompanyEdge]) edges!: CompanyEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: "Companies matching the search" }) totalCount!: number;
}
