package com.hirepilot.app.workspace;

import org.springframework.data.repository.ListCrudRepository;

interface Workspaces extends ListCrudRepository<Workspace, String> {}
