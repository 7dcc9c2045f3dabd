import dayjs from "dayjs";

const numberFormat = new Intl.NumberFormat("zh-CN");
const decimalFormat = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

const fixed2Format = new Intl.NumberFormat("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatNumber = (value: number) => numberFormat.format(value);
/** Two decimals, rounded (antd's Statistic precision truncates). */
export const formatFixed2 = (value: number) => fixed2Format.format(value);
export const formatDecimal = (value: number) => decimalFormat.format(value);
export const formatDate = (value: Date | string) => dayjs(value).format("YYYY年M月D日");
export const formatDateTime = (value: Date | string) => dayjs(value).format("YYYY年M月D日 HH:mm");
export const formatPeriod = (period: number) => `${Math.floor(period / 100)}年${period % 100}月`;
export const toPeriod = (value: dayjs.Dayjs) => value.year() * 100 + value.month() + 1;
