// SPDX-License-Identifier: GPL-3.0-or-later
// Compiled into a library whose folder has no sources yet, so that the target exists.
