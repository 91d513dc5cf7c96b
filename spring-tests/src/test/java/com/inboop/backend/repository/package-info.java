/** Spring Data repositories of the backend's entities. */
package com.inboop.backend.repository;
