import type { GraphQLNamedType, GraphQLSchema } from 'graphql';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema.ts';

function isMissing(element: { description?: string | null }): boolean {
  return !element.description?.trim();
}

/** The fields of a type, each with its arguments (none for an input object's fields). */
function fieldsOf(type: GraphQLNamedType) {
  if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) return [];

  return Object.values(type.getFields()).map((field) => ({
    field,
    args: 'args' in field ? field.args : [],
  }));
}

/**
 * Every type, field, argument and enum value without a description, by its path.
 * Introspection types and the built-in scalars are GraphQL's own.
 */
function undescribed(target: GraphQLSchema): string[] {
  const missing: string[] = [];

  for (const type of Object.values(target.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (isMissing(type)) missing.push(type.name);

    for (const { field, args } of fieldsOf(type)) {
      if (isMissing(field)) missing.push(`${type.name}.${field.name}`);
      for (const arg of args) {
        if (isMissing(arg)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }

    if (isEnumType(type)) {
      for (const value of type.getValues()) {
        if (isMissing(value)) missing.push(`${type.name}.${value.name}`);
      }
    }
  }

  return missing.sort();
}

describe('the description check', () => {
  it('names each undescribed type, field, argument and enum value, and nothing else', () => {
    const sample = buildSchema(`
      "Described."
      type Query {
        "Described."
        thing(
          "Described."
          id: ID!
          name: String
        ): Thing
        things(after: String): [Thing!]!
      }

      type Thing implements Named {
        "Described."
        name: String!
        label(locale: String): String
      }

      "Described."
      interface Named {
        name: String!
      }

      "Described."
      input ThingFilter {
        "Described."
        name: String
        kind: Kind
      }

      enum Kind {
        "Described."
        BIG
        SMALL
      }

      union Either = Thing

      scalar Url
    `);

    expect(undescribed(sample)).toEqual([
      'Either',
      'Kind',
      'Kind.SMALL',
      'Named.name',
      'Query.thing(name)',
      'Query.things',
      'Query.things(after)',
      'Thing',
      'Thing.label',
      'Thing.label(locale)',
      'ThingFilter.kind',
      'Url',
    ]);
  });
});

describe('the public GraphQL schema', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });
});
