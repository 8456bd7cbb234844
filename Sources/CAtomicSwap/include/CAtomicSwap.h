#ifndef PRAXIS_ATOMIC_SWAP_H
#define PRAXIS_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE), so a reader or a
/// crash sees either the old output folder or the new one, never none.
/// Returns 0 on success, otherwise -1 with errno set (EINVAL or ENOSYS where unsupported).
int praxis_exchange_paths(const char *first, const char *second);

#endif
