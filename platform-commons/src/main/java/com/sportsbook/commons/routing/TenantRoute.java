package com.sportsbook.commons.routing;

/**
 * @param slug the tenant slug
 * @param status the lifecycle status in its wire form, see {@link com.sportsbook.commons.TenantStatus}
 * @param schema the PostgreSQL schema holding the tenant's data
 * @param databaseCell the database cell the schema lives on
 */
public record TenantRoute(String slug, String status, String schema, String databaseCell) {
}
