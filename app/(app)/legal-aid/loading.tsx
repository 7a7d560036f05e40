import { RouteLoading } from '@/components/states/route-loading';

export default RouteLoading;
