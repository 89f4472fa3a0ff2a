/** Reading export files and Gitter API pages, and the accounts that stand in for their authors. */
package org.gitterjakarta.portability.control;
