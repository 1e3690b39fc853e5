import type { PothosOutputFieldConfig, SchemaTypes } from '@pothos/core';
import SchemaBuilder, { BasePlugin } from '@pothos/core';

const pluginName = 'totalCountDescription';

/**
 * The Prisma plugin adds `totalCount` to a connection that counts, with no option for its
 * description; third parties read every field's description, so this one is given here.
 */
class TotalCountDescriptionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>) {
    if (!fieldConfig.extensions?.pothosPrismaTotalCount || fieldConfig.description) {
      return fieldConfig;
    }

    return {
      ...fieldConfig,
      description:
        'How many items the list holds for these arguments, on all pages together (`first`, `last`, `after` and `before` aside).',
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      totalCountDescription: TotalCountDescriptionPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, TotalCountDescriptionPlugin);

export default pluginName;
