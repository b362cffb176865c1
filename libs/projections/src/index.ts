export * from './model/table';
export * from './model/projection';
export * from './model/projected-event';
export * from './model/memory-tables';
export * from './model/positions';
export * from './model/days';
export { replay, applyEvents } from './model/replay';
export * from './projections/all-projections';
export {
  territorySpendProjection,
  TERRITORY_SPEND,
  SPEND_COUNTERS,
} from './projections/territory-spend.projection';
export { programmeSummaryProjection, PROGRAMME_SUMMARY } from './projections/programme-summary.projection';
export { venueActivityProjection, VENUE_ACTIVITY } from './projections/venue-activity.projection';
export {
  voucherStatusProjection,
  voucherHistory,
  VOUCHER_STATUS,
  type StoredVoucherStatus,
  type VoucherHistoryEntry,
} from './projections/voucher-status.projection';
export {
  venueDirectoryProjection,
  DIRECTORY_VENUES,
  DIRECTORY_LOCATIONS,
} from './projections/venue-directory.projection';
export { programmeApprovalsProjection, APPROVED_VENUES } from './projections/programme-approvals.projection';
export * from './territories/insee-lookup';
export * from './territories/territory-home';
export * from './sql/catalog';
export { tableName, viewName, selectAll, fromSql } from './sql/read-model-sql';
export * from './runner/projection-runner';
export * from './runner/projection-host';
export * from './runner/freshness';
export * from './runner/lag';
export * from './runner/advisory-lock';
export * from './rebuild/rebuild';
export { DEFAULT_WINDOW_ROWS } from './rebuild/write-behind-window';
export * from './queries/territory-stats';
export * from './queries/programme-summary';
export * from './queries/projection-tables';
export * from './queries/as-of';
export * from './queries/venue-directory';
export * from './queries/programme-approvals';
