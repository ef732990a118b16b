// The iam pages (routes and their views). Each page is a Page: see router.ts.
import { Page } from '../router';

export const pages: Page[] = [];
