import { Module } from '@nestjs/common';
import { GetSettlementsController } from './get-settlements/get-settlements.controller';
import { GetSettlementHandler, ListSettlementsHandler } from './get-settlements/get-settlements.query';
import { MonthlySettlementScheduler } from './monthly-settlement/monthly-settlement.scheduler';
import { PayablesReactor } from './payables/payables-reactor';
import { PaySettlementController } from './pay-settlement/pay-settlement.controller';
import { PaySettlementHandler } from './pay-settlement/pay-settlement.handler';
import { LedgerSettlement } from './run-settlement/ledger-settlement';
import { RunSettlementController } from './run-settlement/run-settlement.controller';
import { RunSettlementHandler } from './run-settlement/run-settlement.handler';
import { SepaFileController } from './sepa-file/sepa-file.controller';
import { SepaFileHandler } from './sepa-file/sepa-file.query';
import { SettlementStatementController } from './statement/statement.controller';
import { SettlementStatementHandler } from './statement/statement.query';

/**
 * Settlement: payables gathered from redemptions, batches per payer and venue (on request or
 * monthly), payment, SEPA files, venues' statements.
 */
@Module({
  controllers: [
    RunSettlementController,
    PaySettlementController,
    SepaFileController,
    SettlementStatementController,
    GetSettlementsController,
  ],
  providers: [
    PayablesReactor,
    LedgerSettlement,
    RunSettlementHandler,
    MonthlySettlementScheduler,
    PaySettlementHandler,
    ListSettlementsHandler,
    GetSettlementHandler,
    SepaFileHandler,
    SettlementStatementHandler,
  ],
})
export class SettlementsModule {}
