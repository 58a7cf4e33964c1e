"use client";

import { FilterSelect } from "@/components/lists/filter-select";
import { PROMOTION_STATUS_LABEL, PROMOTION_STATUSES } from "../search-params";

export function PromotionFilters() {
  return (
    <FilterSelect
      param="status"
      label="Status"
      defaultValue="pending"
      className="flex w-56 flex-col gap-1.5"
      options={PROMOTION_STATUSES.map((s) => ({ value: s, label: PROMOTION_STATUS_LABEL[s] }))}
    />
  );
}
