/**
 * Jurisdiction rules as both processes read them: the rule catalogue ({@link com.sportsbook.commons.rules.Rule}),
 * the typed values, and the one definition of "stricter" each kind of rule has. The control plane uses it to refuse
 * a tenant override looser than its regulator's pack; the runtime uses it to take the strictest value over a brand's
 * jurisdictions. Plain Java: no framework, no JSON library (values arrive as maps, lists, numbers and strings).
 */
package com.sportsbook.commons.rules;
