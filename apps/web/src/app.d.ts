import type { ResultOf } from '$lib/graphql/graphql';
import type { ViewerQuery } from '$lib/server/viewer';

declare global {
  namespace App {
    interface Locals {
      viewer: ResultOf<typeof ViewerQuery>['viewer'];
      apiReachable: boolean;
    }
  }
}
