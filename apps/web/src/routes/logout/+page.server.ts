import { redirect } from '@sveltejs/kit';
import { mutate } from '$lib/graphql/client';
import { graphql } from '$lib/graphql/graphql';
import { clearCart } from '$lib/server/cart-cookie';
import { cookieOptions } from '$lib/server/cookie-options';
import type { Actions } from './$types';

const LogOut = graphql(`
  mutation LogOut {
    logOut
  }
`);

export const actions: Actions = {
  default: async (event) => {
    await mutate(event, LogOut, {});
    event.cookies.delete('session', cookieOptions(event));
    clearCart(event);

    redirect(303, '/login');
  },
};
