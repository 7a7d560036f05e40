export type Route = { page: string; regex: RegExp };
export function loadRoutes(dir?: string): Route[];
export function createRouteLabeller(routes: Route[]): (url: string | undefined) => string;
