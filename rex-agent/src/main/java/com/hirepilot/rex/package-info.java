/** REX. */
package com.hirepilot.rex;
